import { useRef } from 'react'
import type { AppInfo } from '../../../shared/api'
import type { Result } from '../../../shared/result'
import { ConnectWizard } from '../connection/ConnectWizard'
import type { ConnectionState } from '../connection/useConnection'
import { Button, ButtonLink } from '../ui/Button'
import { Card } from '../ui/Card'

interface WelcomePageProps {
  appInfo: Result<AppInfo> | undefined
  connection: ConnectionState
  onDemo: () => void
}

/** What a person sees before there is any data: what the app is, and the three ways in. */
export function WelcomePage({ appInfo, connection, onDemo }: WelcomePageProps) {
  const wizard = useRef<HTMLHeadingElement>(null)
  const toWizard = () => {
    wizard.current?.scrollIntoView({ block: 'start' })
    wizard.current?.focus()
  }
  return (
    <section aria-labelledby="welcome-title" className="page welcome">
      <div className="hero">
        <h1 id="welcome-title">Welcome to WHOOP Desktop</h1>
        <p className="lead">
          Your whole WHOOP history on this computer: recovery, HRV, sleep and strain, charted over weeks and years, offline.
        </p>
        <ul className="promises">
          <li>
            <strong>All of it.</strong> Every cycle, sleep, recovery and workout WHOOP has, kept up to date with one button.
          </li>
          <li>
            <strong>Private.</strong> Stored in a database on this computer; nothing leaves it except the app’s own calls to
            WHOOP.
          </li>
          <li>
            <strong>Yours to take.</strong> Export everything to JSON or CSV at any time.
          </li>
        </ul>
      </div>
      <div className="ways-in">
        <Card as="div" className="way">
          <h2>Connect your WHOOP account</h2>
          <p className="muted">With your own WHOOP developer app (free, five minutes). Your history downloads in minutes.</p>
          <Button variant="primary" data-testid="welcome-connect-button" onClick={toWizard}>
            Connect WHOOP
          </Button>
        </Card>
        <Card as="div" className="way">
          <h2>Import a WHOOP export</h2>
          <p className="muted">The ZIP WHOOP emails you from its app (Settings → Data export), or a WHOOP Desktop backup.</p>
          <ButtonLink href="#/data" data-testid="onboarding-import-link">
            Import a file
          </ButtonLink>
        </Card>
        <Card as="div" className="way">
          <h2>Look around first</h2>
          <p className="muted">Two years of generated data, clearly marked, removed in one click.</p>
          <Button data-testid="demo-button" onClick={onDemo}>
            Explore demo data
          </Button>
        </Card>
      </div>
      <Card as="div">
        <h2 ref={wizard} tabIndex={-1} id="connect">
          Connect your WHOOP account
        </h2>
        <ConnectWizard connection={connection} />
      </Card>
      {appInfo?.ok && (
        <p className="hint" data-testid="database-location">
          Your data will be kept in <code className="path">{appInfo.value.databaseFile}</code>
        </p>
      )}
    </section>
  )
}
