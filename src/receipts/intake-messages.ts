/**
 * What the user reads when a receipt could not be fetched, per intake error code. Each one says
 * what to do next, because "error" alone leaves someone holding a receipt with nowhere to go.
 */
import type { Lang } from '../i18n/translate.js';
import { DEFAULT_MAX_BYTES, type IntakeErrorCode } from './intake.js';

export const INTAKE_MESSAGES: Record<Lang, Record<IntakeErrorCode, string>> = {
  en: {
    expired:
      'The link to that file has expired, so I could not fetch it. Please send the file again.',
    tooLarge:
      'That file is too large (over {maxMb} MB). Please send a smaller photo, or a PDF under {maxMb} MB.',
    unsupportedType:
      'I can only read receipts as photos (JPEG, PNG, WebP, HEIC) or PDF files. Please send the receipt in one of those formats.',
    notAllowedHost:
      'I could not fetch that image because it does not come from Teams. Please attach the receipt directly in this chat.',
    insecureUrl:
      'I could not fetch that file over a secure connection. Please attach the receipt again in this chat.',
    network: 'I could not reach the file just now. Please try sending it again in a moment.',
    timeout: 'Fetching the file took too long. Please try sending it again.',
    tooManyRedirects:
      'I could not fetch that file: the link kept sending me elsewhere. Please attach the receipt again.',
    httpError: 'Something went wrong while fetching the file. Please try sending it again.',
    heicUndecodable:
      'I could not open that photo: it is in the HEIC format, which I cannot read. Please send it as a JPEG instead (iPhone: Settings → Camera → Formats → Most Compatible), or send a screenshot of the photo.',
  },
  nb: {
    expired: 'Lenken til fila har gått ut, så jeg fikk ikke hentet den. Send fila på nytt.',
    tooLarge:
      'Fila er for stor (over {maxMb} MB). Send et mindre bilde, eller en PDF under {maxMb} MB.',
    unsupportedType:
      'Jeg kan bare lese kvitteringer som bilder (JPEG, PNG, WebP, HEIC) eller PDF-filer. Send kvitteringen i et av disse formatene.',
    notAllowedHost:
      'Jeg kunne ikke hente bildet fordi det ikke kommer fra Teams. Legg ved kvitteringen direkte her i chatten.',
    insecureUrl:
      'Jeg fikk ikke hentet fila over en sikker tilkobling. Legg ved kvitteringen på nytt her i chatten.',
    network: 'Jeg fikk ikke kontakt med fila akkurat nå. Prøv å sende den igjen om litt.',
    timeout: 'Det tok for lang tid å hente fila. Prøv å sende den igjen.',
    tooManyRedirects:
      'Jeg fikk ikke hentet fila: lenken sendte meg videre for mange ganger. Legg ved kvitteringen på nytt.',
    httpError: 'Noe gikk galt da jeg hentet fila. Prøv å sende den igjen.',
    heicUndecodable:
      'Jeg fikk ikke åpnet bildet: det er i HEIC-formatet, som jeg ikke kan lese. Send det som JPEG i stedet (iPhone: Innstillinger → Kamera → Formater → Mest kompatibel), eller send et skjermbilde av bildet.',
  },
  nn: {
    expired: 'Lenkja til fila har gått ut, så eg fekk ikkje henta ho. Send fila på nytt.',
    tooLarge:
      'Fila er for stor (over {maxMb} MB). Send eit mindre bilete, eller ein PDF under {maxMb} MB.',
    unsupportedType:
      'Eg kan berre lese kvitteringar som bilete (JPEG, PNG, WebP, HEIC) eller PDF-filer. Send kvitteringa i eitt av desse formata.',
    notAllowedHost:
      'Eg kunne ikkje hente biletet fordi det ikkje kjem frå Teams. Legg ved kvitteringa direkte her i chatten.',
    insecureUrl:
      'Eg fekk ikkje henta fila over ei sikker tilkopling. Legg ved kvitteringa på nytt her i chatten.',
    network: 'Eg fekk ikkje kontakt med fila akkurat no. Prøv å sende ho igjen om litt.',
    timeout: 'Det tok for lang tid å hente fila. Prøv å sende ho igjen.',
    tooManyRedirects:
      'Eg fekk ikkje henta fila: lenkja sende meg vidare for mange gonger. Legg ved kvitteringa på nytt.',
    httpError: 'Noko gjekk gale då eg henta fila. Prøv å sende ho igjen.',
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
