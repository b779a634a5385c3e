/* Dates as the generated pages print them (generator/render/views.py: human_date), e.g. "12 Mar 2025". */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Return an ISO date `YYYY-MM-DD` as "12 Mar 2025"; anything else comes back unchanged. */
export function humanDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return month ? `${Number(m[3])} ${month} ${m[1]}` : String(iso);
}
