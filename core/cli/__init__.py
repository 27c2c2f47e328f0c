"""`hashiye-cli`: headless commands over a corpus folder (DESIGN §6)."""
