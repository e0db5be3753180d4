import { useEffect, useState } from 'react';
import type { RetentionResponse } from '@sightline/contract';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { LoadingNote } from '../components/LoadingNote.tsx';
import { useApi } from '../hooks/use-api.ts';
import { RetentionSection } from './RetentionSection.tsx';
import { getRetention } from './settings-api.ts';
import { StorageSection } from './StorageSection.tsx';
import './settings.css';

/** Server settings: retention per signal (changeable here) and the storage use. */
export function SettingsPage() {
  useEffect(() => {
    document.title = 'Settings · Sightline';
  }, []);
  const retention = useApi('admin-retention', getRetention);
  const [saved, setSaved] = useState<RetentionResponse | undefined>(undefined);
  const current = saved ?? retention.data;

  return (
    <div className="page-body settings-page">
      {retention.loading && current === undefined && <LoadingNote />}
      {retention.error !== undefined && <ErrorNotice error={retention.error} title="Could not load the retention" onRetry={retention.reload} />}
      {current !== undefined && <RetentionSection retention={current} onSaved={setSaved} />}

      <StorageSection />
    </div>
  );
}
