"""The alarm card: one alarm in detail beside the queue, with its actions."""

from widgets.alarm_card.card import ACTIONS, AlarmCard, CardData

__all__ = ["ACTIONS", "AlarmCard", "CardData"]
