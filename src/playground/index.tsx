import { optionsFromUrl, startPlayground } from './Playground';

startPlayground(optionsFromUrl(location.search)).catch((e: unknown) => {
  const el = document.getElementById('root')!;
  el.textContent = `playground: ${e instanceof Error ? e.message : String(e)}`;
  el.setAttribute('role', 'alert');
});
