import { Theme, makeStyles } from '@material-ui/core/styles';
import { Tone } from '../../view/clusterStatus';

/** Theme colours per tone; the text label always accompanies the colour. */
export function toneColor(
  theme: Theme,
  tone: Tone,
): { fg: string; bg: string } {
  const p = theme.palette;
  switch (tone) {
    case 'error':
      return { fg: p.error.contrastText, bg: p.error.main };
    case 'warning':
      return { fg: p.warning.contrastText, bg: p.warning.main };
    case 'info':
      return { fg: p.info.contrastText, bg: p.info.main };
    case 'ok':
      return { fg: p.success.contrastText, bg: p.success.main };
    default:
      return { fg: p.text.primary, bg: p.action.selected };
  }
}

const tones: Tone[] = ['error', 'warning', 'info', 'ok', 'neutral'];

function perTone(style: (c: { fg: string; bg: string }) => object) {
  return (theme: Theme) =>
    Object.fromEntries(
      tones.map(t => [t, style(toneColor(theme, t))]),
    ) as Record<Tone, any>;
}

/**
 * Static classes per tone. Prop-based makeStyles would build a style sheet per element, which
 * is what made large matrices slow to render.
 */
export const useToneFill = makeStyles(
  perTone(c => ({ color: c.fg, backgroundColor: c.bg })),
);
export const useToneBorder = makeStyles(
  perTone(c => ({ borderLeftColor: c.bg })),
);
export const useToneBackground = makeStyles(
  perTone(c => ({ backgroundColor: c.bg })),
);
