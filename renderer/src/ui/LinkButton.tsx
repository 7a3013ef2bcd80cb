// A link to another screen that looks like a button: it stays a link (role and keyboard), since it goes somewhere.
import type { ReactNode } from 'react';

export function LinkButton({ to, quiet = false, children }: { to: string; quiet?: boolean; children: ReactNode }) {
  return (
    <a href={`#/${to}`} className={quiet ? 'button button-quiet' : 'button'}>
      {children}
    </a>
  );
}
