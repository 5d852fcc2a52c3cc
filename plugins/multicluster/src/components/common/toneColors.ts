import { Theme } from '@material-ui/core/styles';
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
