import { describe, expect, it } from 'vitest';
import { parse } from '../../helpers/parse-receipt.js';

describe('the kind of expense', () => {
  it.each([
    ['Onepark\nP-hus Sentrum\nBeløp kr 250,00', 'parking'],
    ['Bastø Fosen\nFerje Moss - Horten\nPersonbil\nTotalt kr 212,00', 'ferry'],
    ['AutoPASS\nBompenger passering Sinsen\nTotalt NOK 29,00', 'toll'],
    ['Drammen Taxi\nTurkvittering\nÅ betale 412,00\nInkl. 12 % mva 44,14', 'taxi'],
    ['Scandic Lerkendal\nAnkomst 03.02.26 Avreise 04.02.26\nOvernatting\nTotalt 1490,00', 'hotel'],
    ['Shell Sandvika\nBensin 95 blyfri 28,4 L\nTotalt kr 596,40', 'fuel'],
    ['Restaurant Fjordbris\nBord 4  Gjester 3\nTOTAL NOK 1246,00', 'meal'],
    ['Vy\nKvittering for kjøp\nTog Trondheim - Bodø\nSum 1 120,00', 'transport'],
    ['Power Lillestrøm\nUSB-C kabel 2 m\nTotalt kr 249,00\nMVA 25% 49,80', 'other'],
  ])('reads %j as %s', (text, kind) => {
    expect(parse(text).kind).toBe(kind);
  });
});
