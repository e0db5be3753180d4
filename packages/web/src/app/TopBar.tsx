import { UserMenu } from '../auth/UserMenu.tsx';
import { RefreshControls } from './RefreshControls.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { TimeRangePicker } from './TimeRangePicker.tsx';

export function TopBar({ title, showTime }: { readonly title: string; readonly showTime: boolean }) {
  return (
    <header className="top-bar">
      <h1 className="page-title">{title}</h1>
      <div className="top-bar-controls">
        {showTime && <TimeRangePicker />}
        {showTime && <RefreshControls />}
        <ThemeToggle />
        <UserMenu />
      </div>
    </header>
  );
}
