import { notFound } from 'next/navigation';

/**
 * Any address no route takes: the not-found page, in the address's language, inside its root
 * layout (the layout's `dynamicParams = false` would otherwise answer with a bare error page).
 */
export const dynamicParams = true;

export default function UnknownPage() {
  notFound();
}
