// The heading of present mode's dialogs (Add question, End meeting): large, and the dialog's name by its id.
import type { ReactNode } from 'react';

export function DialogHeading({ id, children }: { id: string; children: ReactNode }) {
  return (
    <h3 id={id} className="present-question-heading">
      {children}
    </h3>
  );
}
