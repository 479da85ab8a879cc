# Installs what the output-format tests need beyond Go, and exports where
# it is. Sourced by .ci/run; a developer may source it too:
#
#   . .ci/test-tools.sh     # then: go test ./internal/report
#
# - The official SARIF 2.1.0 JSON schema, which the SARIF test validates
#   every example against. It is not kept in the repository: it comes from
#   an npm package, pinned by version and checksum, and is cached outside
#   the work tree. @microsoft/sarif-multitool-linux ships the final 2.1.0
#   schema (with suppression.status, which GitHub reads); other packages
#   that carry a copy ship a pre-release draft.
# - Debian's chromium, which renders the HTML report in its test.

archvet_cache="${XDG_CACHE_HOME:-$HOME/.cache}/archvet-ci"
archvet_sarif_pkg="@microsoft/sarif-multitool-linux@5.7.0"
archvet_sarif_member="package/sarif-2.1.0.json"
archvet_sarif_sha256="1c49a0f2b60444c71bb14878e21e0d882198eff4c539861b133093ad89ed798c"
export ARCHVET_SARIF_SCHEMA="$archvet_cache/sarif-schema-2.1.0.json"

archvet_has_schema() {
	[ -f "$ARCHVET_SARIF_SCHEMA" ] && echo "$archvet_sarif_sha256  $ARCHVET_SARIF_SCHEMA" | sha256sum -c --status
}

archvet_install_sarif_schema() {
	archvet_has_schema && return 0
	command -v npm >/dev/null 2>&1 || { echo "test-tools: npm is needed to fetch the SARIF schema" >&2; return 1; }
	mkdir -p "$archvet_cache"
	local tmp
	tmp="$(mktemp -d)"
	(cd "$tmp" && npm pack --silent "$archvet_sarif_pkg" >/dev/null 2>&1)
	tar -xzf "$tmp"/*.tgz -C "$tmp" "$archvet_sarif_member"
	if ! echo "$archvet_sarif_sha256  $tmp/$archvet_sarif_member" | sha256sum -c --status; then
		echo "test-tools: $archvet_sarif_pkg: the schema's checksum is not the pinned one" >&2
		rm -rf "$tmp"
		return 1
	fi
	mv "$tmp/$archvet_sarif_member" "$ARCHVET_SARIF_SCHEMA"
	rm -rf "$tmp"
}

archvet_install_chromium() {
	command -v chromium >/dev/null 2>&1 && return 0
	local sudo=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null 2>&1 || { echo "test-tools: chromium is missing and this user cannot install it" >&2; return 1; }
		sudo="sudo"
	fi
	$sudo apt-get update -qq >/dev/null
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
}

archvet_tools_start=$SECONDS
archvet_install_sarif_schema
archvet_install_chromium
echo "test tools ready in $((SECONDS - archvet_tools_start))s: SARIF schema $ARCHVET_SARIF_SCHEMA; $(chromium --version 2>/dev/null | head -1)"
