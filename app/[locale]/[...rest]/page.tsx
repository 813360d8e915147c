import { notFound } from 'next/navigation';

/** Any address no route takes: the not-found page, in the address's language. */
export default function UnknownPage() {
  notFound();
}
