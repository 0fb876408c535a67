"""Archival information packages of decided cases, following E-ARK CSIP 2.1 and SIP 2.1 (the
structure Riksarkivet's FGS Paketstruktur builds on). `package.build_package` writes one,
`validate.problems` checks one. docs/operations.md ("Archive export") describes the layout."""
