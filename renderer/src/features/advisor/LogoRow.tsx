// The profile's logo: pick a PNG or JPEG, see it, remove it. Props only.
import { useApp } from '../../store';
import { TextField } from '../../ui/Field';

export function LogoRow({
  logo,
  chosen,
  problem,
  onPick,
  onRemove,
}: {
  /** The logo as a data URL, to show. */
  logo: string | undefined;
  /** The profile names a logo file. */
  chosen: boolean;
  problem: string | undefined;
  onPick(file: File | undefined): void;
  onRemove(): void;
}) {
  const t = useApp((s) => s.t);
  return (
    <div className="logo-row">
      <TextField
        label={t('logo')}
        type="file"
        accept="image/png,image/jpeg"
        hint={t('logoHint')}
        error={problem}
        onChange={(e) => onPick(e.currentTarget.files?.[0])}
      />
      {logo && <img className="logo-preview" src={logo} alt={t('logo')} />}
      {chosen && (
        <button type="button" className="button button-quiet" onClick={onRemove}>
          {t('removeLogo')}
        </button>
      )}
    </div>
  );
}
