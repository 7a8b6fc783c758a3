import { describe, expect, it } from 'vitest';
import { currencyCode } from '../../src/datasets/currency.js';

describe('currencyCode: currency names as exports write them', () => {
  it('Bitrix24 CRM names (ru and en portals) and signs', () => {
    const written = ['Рубль', 'Доллар США', 'Евро', 'Гривна', 'Белорусский рубль', 'Тенге', 'Russian Ruble', 'US Dollar', 'Euro', '₽', '€', 'руб.'];
    expect(written.map(currencyCode)).toEqual(['RUB', 'USD', 'EUR', 'UAH', 'BYN', 'KZT', 'RUB', 'USD', 'EUR', 'RUB', 'EUR', 'RUB']);
  });

  it('a code is upper-cased, an unknown name kept upper-cased, an empty cell none', () => {
    expect([' usd ', 'Rub', 'Фантики', '', '  '].map(currencyCode)).toEqual(['USD', 'RUB', 'ФАНТИКИ', '', '']);
  });
});
