#!/usr/bin/env node
import { runCli } from '../lib/audit/cli';

/** `election-audit`: see `election-audit --help` and docs/cli.md. */
process.exitCode = runCli(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
