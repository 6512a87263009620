import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code of `text` as a PNG data URL (undefined while drawing, or without text). */
export function useQrCode(text: string | undefined): string | undefined {
  const [drawn, setDrawn] = useState<{ text: string; url: string }>();
  useEffect(() => {
    if (!text) return;
    let current = true;
    QRCode.toDataURL(text, { width: 360, margin: 1 })
      .then((url) => current && setDrawn({ text, url }))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [text]);
  return drawn && drawn.text === text ? drawn.url : undefined;
}
