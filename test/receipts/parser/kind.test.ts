import { describe, expect, it } from 'vitest';
import { parse } from '../../helpers/parse-receipt.js';

describe('the kind of expense', () => {
  it.each([
    ['Apcoa Parking\nP-hus Sentrum\nBeløp kr 250,00', 'parking'],
    ['Bastø Fosen\nFerje Moss - Horten\nPersonbil\nTotalt kr 212,00', 'ferry'],
    ['AutoPASS\nBompenger passering Sinsen\nTotalt NOK 29,00', 'toll'],
    ['Oslo Taxi\nTurkvittering\nÅ betale 535,79\nInkl. 12 % mva 57,41', 'taxi'],
    [
      'Scandic Holmenkollen Park\nAnkomst 12.11.25 Avreise 13.11.25\nOvernatting\nTotalt 1279,00',
      'hotel',
    ],
    ['Esso Sandvika\nBensin 95 blyfri 31,2 L\nTotalt kr 640,00', 'fuel'],
    ['Restaurant Sjøhuset\nBord 9  Gjester 5\nTOTAL NOK 1085,90', 'meal'],
    ['Vy\nKvittering for kjøp\nTog Bergen - Oslo S\nSum 2 160,00', 'transport'],
    ['Elkjøp Lillestrøm\nUSB-C kabel 2 m\nTotalt kr 199,00\nMVA 25% 39,80', 'other'],
  ])('reads %j as %s', (text, kind) => {
    expect(parse(text).kind).toBe(kind);
  });
});
