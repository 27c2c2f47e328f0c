"""The window's style sheet (light theme)."""

STYLE_SHEET = """
QMainWindow, QWidget#readerPane { background: #fbfaf7; }
QTextEdit#reader { background: #fbfaf7; color: #1f2328; selection-background-color: #c5d8f7; selection-color: #1f2328; }
QLabel#articleTitle { font-size: 17pt; font-weight: bold; color: #1f2328; }
QLabel#articleSupertitle { color: #6a737d; font-size: 11pt; }
QLabel#articleMeta { color: #57606a; }
QLabel#articleWarning { color: #9a3412; background: #fff4e5; border: 1px solid #f5c27a; padding: 6px; border-radius: 4px; }
QLabel#panelHeader { font-weight: bold; padding: 4px 2px; }
QLabel#panelEmpty { color: #6a737d; padding: 8px; }
QListView { background: #ffffff; border: 1px solid #e1e4e8; border-radius: 4px; }
QListView::item:selected:active { background: #dbe9ff; color: #1f2328; }
QListView::item:selected:!active { background: #eceff3; color: #1f2328; }
QListView:focus, QTextEdit#reader:focus { border: 2px solid #1c7ed6; }
QLineEdit { padding: 4px 6px; }
"""
