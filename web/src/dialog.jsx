// A modal dialog: labelled, closed with Escape, focus moved into it on open.
import { useEffect, useRef } from 'preact/hooks';

export function Dialog({ title, onClose, children }) {
    const ref = useRef(null);
    useEffect(() => {
        const first = ref.current.querySelector('input, select, textarea, button');
        if (first) {
            first.focus();
        }
    }, []);
    return (
        <div class="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
            <div class="dialog card" role="dialog" aria-modal="true" aria-labelledby="dialog-title" ref={ref}>
                <h2 id="dialog-title">{title}</h2>
                {children}
            </div>
        </div>
    );
}
