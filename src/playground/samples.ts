/** The bundled samples (assets/samples, copied to dist/samples by the build): one per layout, from the registry. */
export { SAMPLES } from '../core/layouts/registry';
