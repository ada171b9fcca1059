#!/bin/sh
# Install Boardroom from this unpacked tarball so that it appears in the application list.
#
#   ./install.sh                 for yourself (into ~/.local)
#   sudo ./install.sh /usr/local for everyone on this computer
#   ./install.sh --uninstall [PREFIX]
#
# The program goes to PREFIX/lib/boardroom, a command to PREFIX/bin/boardroom, the menu entry
# to PREFIX/share/applications and the icons to PREFIX/share/icons/hicolor.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
uninstall=no
if [ "${1:-}" = "--uninstall" ]; then
    uninstall=yes
    shift
fi
prefix=${1:-"$HOME/.local"}

remove() {
    rm -rf "$prefix/lib/boardroom"
    rm -f "$prefix/bin/boardroom" "$prefix/share/applications/boardroom.desktop"
    find "$prefix/share/icons/hicolor" -path '*/apps/boardroom.*' -delete 2>/dev/null || true
}

refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$prefix/share/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" || true
    fi
}

if [ "$uninstall" = yes ]; then
    remove
    refresh
    echo "Boardroom removed from $prefix (your meetings database is kept)."
    exit 0
fi

remove
mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/icons"
cp -R "$here/boardroom" "$prefix/lib/boardroom"
ln -s "$prefix/lib/boardroom/boardroom" "$prefix/bin/boardroom"
cp -R "$here/share/icons/hicolor" "$prefix/share/icons/"
# Exec names the program by its full path: ~/.local/bin is not on every desktop's PATH.
sed "s|^Exec=.*|Exec=\"$prefix/lib/boardroom/boardroom\"|" \
    "$here/share/applications/boardroom.desktop" > "$prefix/share/applications/boardroom.desktop"
refresh
echo "Boardroom installed in $prefix: find it in your applications, or run $prefix/bin/boardroom."
