import { previewLinkPolicy } from '../site/preview';

/** `global::preview-link`: a link the admin's Preview signed (see src/site/preview.ts). */
export default previewLinkPolicy;
