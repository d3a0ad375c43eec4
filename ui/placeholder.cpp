// Replaced by the main window.
namespace makran {
int uiPlaceholder() { return 0; }
}
