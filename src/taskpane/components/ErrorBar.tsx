import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Lang, Translate } from '../i18n';

export function ErrorBar({ error, lang, t, onDismiss }: { error: { ja: string; en: string }; lang: Lang; t: Translate; onDismiss: () => void }) {
  return (
    <MessageBar layout="multiline" intent="error" role="alert" data-testid="error">
      <MessageBarBody>
        <MessageBarTitle>{t('errorTitle')}</MessageBarTitle>
        {error[lang]}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onDismiss}>
          {t('dismiss')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
