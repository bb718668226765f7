import { startDesktopApp } from './edge/app'

startDesktopApp()
