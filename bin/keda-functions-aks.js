#!/usr/bin/env node
// The package's command line: `npx keda-functions-aks discover <app-dir>` (see --help).
"use strict";
const { runCli } = require("../dist/constructs/keda-function-app/discovery/cli.js");
process.exitCode = runCli(process.argv.slice(2));
