// First, so that the opening page's data is requested before the rest of the app is evaluated.
import { openingRequestsBack } from './openingRequests'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
// The sheets in their order: tokens, the document and shell, the kit, the charts, the pages.
import './styles/tokens.css'
import './styles/base.css'
import './ui/ui.css'
import './charts/charts.css'
import './styles/pages.css'

void openingRequestsBack().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>
  )
)
