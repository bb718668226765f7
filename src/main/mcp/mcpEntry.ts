import fs from 'node:fs'
import path from 'node:path'
import { nodeVersionProblem } from '../../../scripts/nodeVersion.mjs'
import { defaultUserDataDir, resolveDataDir } from '../dataDir'
import { runMcpServer } from './runMcpServer'

/*
 * `node out/main/mcp.js`: the read-only MCP server under plain Node, for development and tests.
 * Honours WHOOP_DESKTOP_DATA_DIR (default: the folder the desktop app uses). Logs go to stderr.
 */
const log = (line: string) => process.stderr.write(`${line}\n`)
const { version, engines } = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { version: string; engines: { node: string } }
const tooOld = nodeVersionProblem(engines.node)
if (tooOld) {
  log(tooOld)
  process.exit(1)
}

runMcpServer({ dataDir: resolveDataDir(process.env, defaultUserDataDir(process.platform, process.env)), version, log }).catch((error: unknown) => {
  log(`WHOOP Desktop MCP server stopped: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
