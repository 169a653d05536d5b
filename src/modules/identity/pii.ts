/** Masks citizens' personal data for roles that do not need to see it in full. */

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const digits = phone.replace(/\s+/g, '');
  if (digits.length >= 7) return digits.slice(0, 3) + '****' + digits.slice(-4);
  return '*'.repeat(digits.length);
}

export function maskIdCard(id: string | null | undefined): string | null {
  if (!id) return id ?? null;
  if (id.length <= 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

export function maskName(name: string | null | undefined): string | null {
  if (!name) return name ?? null;
  const chars = [...name];
  if (chars.length === 1) return chars[0];
  if (chars.length === 2) return chars[0] + '*';
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

export type PiiField = 'phone' | 'id_card' | 'name';

export function mask(field: PiiField, value: string | null | undefined): string | null {
  if (field === 'phone') return maskPhone(value);
  if (field === 'id_card') return maskIdCard(value);
  return maskName(value);
}
