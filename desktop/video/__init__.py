"""Live video: libVLC players, RTSP relays, the wall's tiles."""
