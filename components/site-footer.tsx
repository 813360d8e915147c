export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p>
          {siteName}: where each conflict stands this month. Verdicts and entries follow Crisis Group’s CrisisWatch.
        </p>
      </div>
    </footer>
  );
}
