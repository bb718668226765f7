import { startDesktopApp } from './edge/app'
import { startAssistantServer, startedForAssistant } from './edge/assistantMode'

if (startedForAssistant(process.argv)) startAssistantServer()
else startDesktopApp()
