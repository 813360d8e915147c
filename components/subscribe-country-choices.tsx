import type { CountryChoiceGroup } from '@/lib/subscriptions/followed-countries';
import styles from './subscribe.module.css';

/**
 * Every country as a checkbox named `country`, a fieldset per region with its name as legend:
 * plain HTML, ticked by keyboard (Tab, Space) and posted as repeated fields without JavaScript.
 * A server component, so the list never ships as script.
 */
export function CountryChoices({ groups, chosen }: { groups: readonly CountryChoiceGroup[]; chosen: ReadonlySet<string> }) {
  return groups.map((group) => (
    <fieldset key={group.region} className={styles.region}>
      <legend>{group.region}</legend>
      <ul>
        {group.countries.map((country) => (
          <li key={country.slug}>
            <label>
              <input type="checkbox" name="country" value={country.slug} defaultChecked={chosen.has(country.slug)} />
              {country.name}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  ));
}
