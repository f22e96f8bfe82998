import './office/no-eval';
import { mountPane } from './mount';

void mountPane(document.getElementById('root')!, { requireOffice: true });
