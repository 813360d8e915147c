import { SubscribeForm } from './subscribe-form';

export function SubscribeSection({ country }: { country?: string }) {
  return (
    <section className="subscribe" aria-labelledby="subscribe-heading">
      <h2 id="subscribe-heading">Subscribe to Crisis Group’s Email Updates</h2>
      <p>Receive the best source of conflict analysis right in your inbox.</p>
      <SubscribeForm country={country} />
    </section>
  );
}
