#!/usr/bin/env bash
# Builds the DocC API reference of every library product with the toolchain's own docc — no
# package dependency, no swift-docc-plugin — and fails when any doc comment or article has a
# broken symbol link (docc --warnings-as-errors).
#
#   Scripts/build-docs.sh            # all modules; every warning is printed before it fails
#   DOCS_OUT=/tmp/docs Scripts/build-docs.sh
#
# Steps: the compiler emits symbol graphs (swift package dump-symbol-graph); each module's
# catalog (Sources/<Module>/<Module>.docc) is staged with its guides from Docs/ as articles;
# docc convert builds an archive per module, in dependency order, resolving links into the
# modules it depends on (--dependency); docc merge combines them and
# docc process-archive transform-for-static-hosting makes a static website of the result.
# Output: $DOCS_OUT (default .build/docs): <Module>.doccarchive, DiversityKit-reference.doccarchive, site/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
DOCC="${DOCC:-$(command -v docc || echo /opt/swift/usr/bin/docc)}"
[ -x "$DOCC" ] || { echo "docc not found (expected beside swift in the toolchain)" >&2; exit 1; }
OUT="${DOCS_OUT:-.build/docs}"

# Module, the modules its doc comments link into, its guides from Docs/ (in dependency order).
MODULES=(
  "DiversityKit||GettingStarted CommandLine Architecture Domain Storage Reporting Examples Benchmarks"
  "SurveyModule|DiversityKit|Surveys"
  "EvaluationModule|DiversityKit SurveyModule|Evaluation Privacy"
  "LimeSurveyImport|DiversityKit SurveyModule|LimeSurvey"
  "DiversityKitSQLite|DiversityKit|Storage"
  "DiversityKitPostgres|DiversityKit|Storage"
  "DiversityKitTesting|DiversityKit|Storage"
  "ProgrammeToolkit|DiversityKit|Programmes"
)

echo "== symbol graphs" >&2
# (DOCS_REUSE_SYMBOL_GRAPHS=1 skips this step when only catalogs or Docs/ changed.)
[ "${DOCS_REUSE_SYMBOL_GRAPHS:-0}" = 1 ] || swift package dump-symbol-graph --skip-synthesized-members >"$OUT.symbolgraph.log" 2>&1 || { cat "$OUT.symbolgraph.log" >&2; exit 1; }
GRAPHS="$(dirname "$(swift build --show-bin-path)")/symbolgraph"
[ -d "$GRAPHS" ] || { echo "no symbol graphs in $GRAPHS" >&2; exit 1; }

rm -rf "$OUT"
mkdir -p "$OUT/stage"
OUT="$(cd "$OUT" && pwd)"
failed=()
archives=()
for entry in "${MODULES[@]}"; do
  IFS='|' read -r module deps guides <<<"$entry"
  stage="$OUT/stage/$module"
  mkdir -p "$stage/graphs"
  cp -R "Sources/$module/$module.docc" "$stage/$module.docc"
  for guide in $guides; do cp "Docs/$guide.md" "$stage/$module.docc/$guide.md"; done
  cp "$GRAPHS/$module.symbols.json" "$stage/graphs/"
  cp "$GRAPHS/$module"@*.symbols.json "$stage/graphs/" 2>/dev/null || true
  dependency_flags=()
  for dep in $deps; do dependency_flags+=(--dependency "$OUT/$dep.doccarchive"); done
  echo "== $module" >&2
  convert=("$DOCC" convert "$stage/$module.docc"
    --additional-symbol-graph-dir "$stage/graphs"
    --fallback-display-name "$module" --fallback-bundle-identifier "org.diversitykit.$module"
    --output-dir "$OUT/$module.doccarchive"
    --enable-experimental-external-link-support "${dependency_flags[@]}"
    --diagnostics-file "$stage/diagnostics.json")
  if ! "${convert[@]}" --warnings-as-errors >"$stage/docc.log" 2>&1 || grep -q 'warning:\|error:' "$stage/docc.log"; then
    cat "$stage/docc.log" >&2
    failed+=("$module")
    # Write the archive anyway, so the modules that link into this one report only their own problems.
    "${convert[@]}" >/dev/null 2>&1 || true
  fi
  archives+=("$OUT/$module.doccarchive")
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "" >&2
  echo "docs: broken links or other docc warnings in: ${failed[*]} (every one is printed above)" >&2
  for m in "${failed[@]}"; do echo "  $m: $(grep -c 'warning:\|error:' "$OUT/stage/$m/docc.log") diagnostics ($OUT/stage/$m/diagnostics.json)" >&2; done
  exit 1
fi

echo "== merge and static site" >&2
"$DOCC" merge "${archives[@]}" --synthesized-landing-page-name "DiversityKit" \
  --output-path "$OUT/DiversityKit-reference.doccarchive" >&2
"$DOCC" process-archive transform-for-static-hosting "$OUT/DiversityKit-reference.doccarchive" \
  --output-path "$OUT/site" --hosting-base-path "${DOCS_BASE_PATH:-/}" >&2
rm -rf "$OUT/stage"
echo "docs: $OUT/site (static website), $OUT/DiversityKit-reference.doccarchive" >&2
