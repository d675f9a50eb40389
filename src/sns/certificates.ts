import { CertificateCache } from "./certificateCache";
import { fetchCertificateOverHttps } from "./fetchCertificate";

/** The process-wide certificate cache: one fetch per signing certificate URL. */
export const snsCertificates = new CertificateCache(fetchCertificateOverHttps);
