import { getSettings } from '@/lib/config/settings';
import { SubscribeForm } from './subscribe-form';

/** The subscribe box (a server component): its heading names this site, from SITE_NAME. */
export function SubscribeSection({ country }: { country?: string }) {
  return (
    <section className="subscribe" aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">{`Subscribe to ${getSettings().SITE_NAME} Email Updates`}</h2>
      <p>Receive the best source of conflict analysis right in your inbox.</p>
      <SubscribeForm country={country} />
    </section>
  );
}
