export const FIRST_NAMES = [
  "Ada", "Ben", "Chloé", "Dmitri", "Elena", "Farah", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena",
  "Marco", "Nia", "Omar", "Pia", "Quinn", "Rosa", "Sami", "Tara", "Uma", "Viktor", "Wen", "Xena",
  "Yusuf", "Zoe", "Aiko", "Bruno", "Carmen", "Dev",
];

export const LAST_NAMES = [
  "Abbott", "Berg", "Castro", "Diaz", "Eriksen", "Fischer", "García", "Hughes", "Ito", "Jensen",
  "Kowalski", "Larsen", "Moreau", "Nakamura", "O'Brien", "Patel", "Quintero", "Reyes", "Schmidt",
  "Tanaka", "Usman", "Varga", "Walsh", "Xu", "Yilmaz", "Zimmer",
];
