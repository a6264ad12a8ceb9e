#!/usr/bin/env node
// The CLI entry; the TypeScript is compiled to dist/ by `npm install` (the prepare script).
import { main } from '../dist/src/cli/index.js'

await main(process.argv)
