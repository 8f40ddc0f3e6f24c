"""Services: feed the state from backend_client and turn operator actions into commands."""
