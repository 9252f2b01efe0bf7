// Date and time fields in the app's language, whatever the OS's: native date/time inputs follow the system
// locale (mm/dd/yyyy and AM/PM on an English system even when Hatrack speaks French), these follow i18next.
import { useCallback, useId, useState, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { dayPattern, formatClock, formatDay, parseClock, parseDay } from '../dashboard/format.ts';

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  name: string;
  /** The value in ISO form: "YYYY-MM-DD" for a day ("" for none), "HH:mm" for a time. */
  value: string;
  onChange: (iso: string) => void;
}

/** A text field that shows `value` formatted, and hands back the ISO form of what was typed when it is committed. */
function useCommittedText(value: string, format: (iso: string) => string, parse: (text: string) => string | null, onChange: (iso: string) => void) {
  const formatted = format(value);
  const [shownFor, setShownFor] = useState(formatted);
  const [text, setText] = useState(formatted);
  const [invalid, setInvalid] = useState(false);
  // A new value (or a new language) from outside replaces what is shown: adjusted while rendering, not in an
  // effect, so the field never paints the stale text first.
  if (shownFor !== formatted) {
    setShownFor(formatted);
    setText(formatted);
    setInvalid(false);
  }
  const commit = () => {
    const iso = parse(text);
    if (iso === null) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (iso !== value) onChange(iso);
    else setText(format(value));
  };
  return { text, setText, invalid, commit };
}

/** A day typed in the language's order ("jj/mm/aaaa" in French), committed on blur or Enter; empty clears it. */
export function DayField({ name, value, onChange, ...rest }: FieldProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const pattern = dayPattern(language);
  const errorId = useId();
  const format = useCallback((iso: string) => formatDay(iso, language), [language]);
  const parse = (text: string) => (text.trim() === '' ? '' : parseDay(text, language));
  const field = useCommittedText(value, format, parse, onChange);
  return (
    <CommittedInput {...rest} name={name} field={field} errorId={errorId} inputMode="numeric" placeholder={pattern} error={t('fields.badDay', { pattern })} />
  );
}

/** A time of day, "9:00 AM" in English and "09:00" in French; either clock is understood when typed. */
export function ClockField({ name, value, onChange, ...rest }: FieldProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const errorId = useId();
  const format = useCallback((iso: string) => formatClock(iso, language), [language]);
  const field = useCommittedText(value, format, parseClock, onChange);
  return <CommittedInput {...rest} name={name} field={field} errorId={errorId} error={t('fields.badTime', { example: formatClock('17:30', language) })} />;
}

/** The text input both fields draw: committed on blur or Enter, with its error message under it while invalid. */
function CommittedInput({
  field,
  errorId,
  error,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  field: ReturnType<typeof useCommittedText>;
  errorId: string;
  error: string;
}) {
  return (
    <>
      <input
        {...rest}
        type="text"
        value={field.text}
        autoComplete="off"
        aria-invalid={field.invalid || undefined}
        aria-describedby={field.invalid ? errorId : undefined}
        onChange={(event) => field.setText(event.target.value)}
        onBlur={field.commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            field.commit();
          }
        }}
      />
      {field.invalid && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
