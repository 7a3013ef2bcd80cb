// The advisor's card as slides show it: the deck, the builder's preview and the tablet draw the
// same one, so its shape is defined once, here, below both templates/ and the contract.

/** What the advisor's card shows; the website is a link only when it is https (href set). */
export interface AdvisorCard {
  name: string;
  title?: string;
  firm: string;
  credentials: string[];
  email: string;
  phone?: string;
  website?: { text: string; href?: string };
  /** A data: URL of the firm's logo, embedded so the deck needs no file and no network. */
  logo?: string;
}
