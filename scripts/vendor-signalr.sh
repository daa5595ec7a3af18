#!/usr/bin/env bash
# Refreshes the vendored browser build of the SignalR JavaScript client from the npm registry.
# The pages load it from _content/Queue.Display/lib/signalr/; pin the version here.
set -euo pipefail
version=10.0.0
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent "@microsoft/signalr@$version")
dest="$here/src/Queue.Display/wwwroot/lib/signalr"
mkdir -p "$dest"
cp "$work/node_modules/@microsoft/signalr/dist/browser/signalr.min.js" "$dest/"
printf "@microsoft/signalr %s\nMIT license — see https://github.com/dotnet/aspnetcore/blob/main/LICENSE.txt\n" "$version" > "$dest/VERSION"
