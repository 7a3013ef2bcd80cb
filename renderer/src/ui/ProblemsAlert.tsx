// Problems the app layer found that no field of the form shows: under a heading, each with the
// path it is about.
import type { Problem } from '../../../core/validation';

export function ProblemsAlert({ title, problems }: { title: string; problems: readonly Problem[] }) {
  return (
    <div className="notice notice-error" role="alert">
      <h3>{title}</h3>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>
            <code>{p.path}</code>: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
