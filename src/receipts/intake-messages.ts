/**
 * What the user reads when a receipt could not be fetched, per intake error code. Each one says
 * what to do next, because "error" alone leaves someone holding a receipt with nowhere to go.
 */
import type { Lang } from '../i18n/translate.js';
import { DEFAULT_MAX_BYTES, type IntakeErrorCode } from './intake.js';

/**
 * Every refused or failed download reads the same: which step failed (a refused address, a
 * timeout, a 404 behind a redirect) would tell whoever posts crafted links what lives on the
 * bot's network. The cause stays in the log.
 */
const UNAVAILABLE: Record<Lang, string> = {
  en: 'I could not fetch that file. Links from Teams stop working after a while, so please attach the receipt again in this chat.',
  nb: 'Jeg fikk ikke hentet fila. Lenker fra Teams slutter å virke etter en stund, så legg ved kvitteringen på nytt her i chatten.',
  nn: 'Eg fekk ikkje henta fila. Lenkjer frå Teams sluttar å verke etter ei stund, så legg ved kvitteringa på nytt her i chatten.',
};

export const INTAKE_MESSAGES: Record<Lang, Record<IntakeErrorCode, string>> = {
  en: {
    expired: UNAVAILABLE.en,
    blockedAddress: UNAVAILABLE.en,
    tooLarge:
      'That file is too large (over {maxMb} MB). Please send a smaller photo, or a PDF under {maxMb} MB.',
    unsupportedType:
      'I can only read receipts as photos (JPEG, PNG, WebP, HEIC) or PDF files. Please send the receipt in one of those formats.',
    notAllowedHost: UNAVAILABLE.en,
    insecureUrl: UNAVAILABLE.en,
    network: UNAVAILABLE.en,
    timeout: UNAVAILABLE.en,
    tooManyRedirects: UNAVAILABLE.en,
    httpError: UNAVAILABLE.en,
    heicUndecodable:
      'I could not open that photo: it is in the HEIC format, which I cannot read. Please send it as a JPEG instead (iPhone: Settings → Camera → Formats → Most Compatible), or send a screenshot of the photo.',
  },
  nb: {
    expired: UNAVAILABLE.nb,
    blockedAddress: UNAVAILABLE.nb,
    tooLarge:
      'Fila er for stor (over {maxMb} MB). Send et mindre bilde, eller en PDF under {maxMb} MB.',
    unsupportedType:
      'Jeg kan bare lese kvitteringer som bilder (JPEG, PNG, WebP, HEIC) eller PDF-filer. Send kvitteringen i et av disse formatene.',
    notAllowedHost: UNAVAILABLE.nb,
    insecureUrl: UNAVAILABLE.nb,
    network: UNAVAILABLE.nb,
    timeout: UNAVAILABLE.nb,
    tooManyRedirects: UNAVAILABLE.nb,
    httpError: UNAVAILABLE.nb,
    heicUndecodable:
      'Jeg fikk ikke åpnet bildet: det er i HEIC-formatet, som jeg ikke kan lese. Send det som JPEG i stedet (iPhone: Innstillinger → Kamera → Formater → Mest kompatibel), eller send et skjermbilde av bildet.',
  },
  nn: {
    expired: UNAVAILABLE.nn,
    blockedAddress: UNAVAILABLE.nn,
    tooLarge:
      'Fila er for stor (over {maxMb} MB). Send eit mindre bilete, eller ein PDF under {maxMb} MB.',
    unsupportedType:
      'Eg kan berre lese kvitteringar som bilete (JPEG, PNG, WebP, HEIC) eller PDF-filer. Send kvitteringa i eitt av desse formata.',
    notAllowedHost: UNAVAILABLE.nn,
    insecureUrl: UNAVAILABLE.nn,
    network: UNAVAILABLE.nn,
    timeout: UNAVAILABLE.nn,
    tooManyRedirects: UNAVAILABLE.nn,
    httpError: UNAVAILABLE.nn,
    heicUndecodable:
      'Eg fekk ikkje opna biletet: det er i HEIC-formatet, som eg ikkje kan lese. Send det som JPEG i staden (iPhone: Innstillingar → Kamera → Formater → Mest kompatibel), eller send eit skjermbilete av biletet.',
  },
};

/** The message for `code` in `lang`, with the size limit filled in where the text names it. */
export function intakeMessage(
  lang: Lang,
  code: IntakeErrorCode,
  params: { maxBytes?: number } = {},
): string {
  const maxMb = Math.round((params.maxBytes ?? DEFAULT_MAX_BYTES) / (1024 * 1024));
  return INTAKE_MESSAGES[lang][code].replaceAll('{maxMb}', String(maxMb));
}
