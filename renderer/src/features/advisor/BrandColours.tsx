// The profile's two brand colours, with the contrast each reaches on white and a sample drawn
// as the slides will draw it. Props only.
import { contrast, deckColors } from '../../../../core/advisor/brandColors';
import { useApp } from '../../store';
import { TextField } from '../../ui/Field';

export function BrandColours({
  primary,
  accent,
  errorFor,
  leave,
  onChange,
}: {
  primary: string;
  accent: string;
  errorFor(path: string): string | undefined;
  leave(path: string): () => void;
  onChange(patch: { primary?: string; accent?: string }): void;
}) {
  const t = useApp((s) => s.t);
  const form = { primary, accent };
  const colourOk = (hex: string) => /^#[0-9a-f]{6}$/i.test(hex);
  const ratio = (hex: string) => (colourOk(hex) ? Math.round(contrast(hex, '#FFFFFF') * 10) / 10 : 0);

  return (
    <>
      <div className="grid">
        <TextField
          label={t('primaryColour')}
          type="color"
          value={form.primary}
          onChange={(e) => onChange({ primary: e.currentTarget.value })}
          onBlur={leave('colors.primary')}
          error={errorFor('colors.primary')}
        />
        <TextField
          label={t('accentColour')}
          type="color"
          value={form.accent}
          onChange={(e) => onChange({ accent: e.currentTarget.value })}
          onBlur={leave('colors.accent')}
          error={errorFor('colors.accent')}
        />
      </div>
      <div className="contrast" aria-label={t('contrastPreview')} role="group">
        {[form.primary, form.accent].map((hex, i) => {
          // The sample is drawn as the slides will draw it: darkened until it meets WCAG AA.
          const colors =
            colourOk(form.primary) && colourOk(form.accent)
              ? deckColors({ primary: form.primary.toUpperCase(), accent: form.accent.toUpperCase() })
              : undefined;
          const shown = colors ? (i === 0 ? colors.primaryText : colors.accentText) : undefined;
          return (
            <div key={i} className="swatch-row">
              <span
                className="swatch"
                style={{ backgroundColor: colourOk(hex) ? hex : '#ffffff' }}
                aria-hidden="true"
              />
              <span className="swatch-sample" style={{ color: shown }}>
                Aa
              </span>
              <span>
                {ratio(hex) >= 4.5 ? t('contrastOk', { r: ratio(hex) }) : t('contrastLow', { r: ratio(hex) })}
              </span>
            </div>
          );
        })}
      </div>
    </>
  );
}
