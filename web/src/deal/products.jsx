// A deal's product lines: quantity, price, discount and total, with adding and removing lines.
import { useEffect, useState } from 'preact/hooks';
import { del, get, post } from '../api.js';
import { formatMoney, formatNumber, t } from '../i18n.js';
import { notifyError } from '../notices.jsx';

export function DealProducts({ deal, lines, onChanged }) {
    const [catalogue, setCatalogue] = useState([]);
    const [productId, setProductId] = useState('');
    const [quantity, setQuantity] = useState('1');
    const [price, setPrice] = useState('');
    const [discount, setDiscount] = useState('0');

    useEffect(() => {
        get('/api/v2/products', { limit: 500 }).then((answer) => setCatalogue(answer.data))
            .catch((error) => notifyError(t('products.load_failed'), error));
    }, []);

    function choose(id) {
        setProductId(id);
        const product = catalogue.find((p) => p.id === Number(id));
        const match = product && (product.prices.find((p) => p.currency === deal.currency) || product.prices[0]);
        setPrice(match ? String(match.price) : '');
    }

    async function add(event) {
        event.preventDefault();
        try {
            await post(`/api/v2/deals/${deal.id}/products`, {
                product_id: Number(productId), item_price: Number(price), quantity: Number(quantity),
                discount: Number(discount || 0), discount_type: 'percentage',
            });
            setProductId('');
            setPrice('');
            setQuantity('1');
            setDiscount('0');
            onChanged();
        } catch (error) {
            notifyError(t('products.add_failed'), error);
        }
    }

    async function remove(line) {
        try {
            await del(`/api/v2/deals/${deal.id}/products/${line.id}`);
            onChanged();
        } catch (error) {
            notifyError(t('products.remove_failed'), error);
        }
    }

    const total = lines.reduce((sum, line) => sum + Number(line.sum), 0);
    return (
        <section aria-labelledby="products-title">
            <h2 id="products-title">{t('products.title')}</h2>
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{t('products.product')}</th>
                        <th scope="col" class="num">{t('products.quantity')}</th>
                        <th scope="col" class="num">{t('products.price')}</th>
                        <th scope="col" class="num">{t('products.discount')}</th>
                        <th scope="col" class="num">{t('products.total')}</th>
                        <th scope="col"><span class="visually-hidden">{t('common.actions')}</span></th>
                    </tr>
                </thead>
                <tbody>
                    {lines.map((line) => (
                        <tr key={line.id}>
                            <td>{line.name}</td>
                            <td class="num">{formatNumber(line.quantity)}</td>
                            <td class="num">{formatMoney(line.item_price, line.currency)}</td>
                            <td class="num">{line.discount_type === 'percentage' ? `${formatNumber(line.discount)} %` : formatMoney(line.discount, line.currency)}</td>
                            <td class="num">{formatMoney(line.sum, line.currency)}</td>
                            <td><button type="button" class="link" onClick={() => remove(line)}>{t('action.remove')}</button></td>
                        </tr>
                    ))}
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row" colSpan={4}>{t('products.total')}</th>
                        <td class="num">{formatMoney(total, deal.currency)}</td>
                        <td />
                    </tr>
                </tfoot>
            </table>
            <form class="inline-form" onSubmit={add}>
                <label>
                    <span>{t('products.product')}</span>
                    <select required value={productId} onChange={(e) => choose(e.currentTarget.value)}>
                        <option value="">{t('products.choose')}</option>
                        {catalogue.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                    </select>
                </label>
                <label>
                    <span>{t('products.quantity')}</span>
                    <input type="number" min="0" step="any" required value={quantity} onInput={(e) => setQuantity(e.currentTarget.value)} />
                </label>
                <label>
                    <span>{t('products.price')}</span>
                    <input type="number" min="0" step="any" required value={price} onInput={(e) => setPrice(e.currentTarget.value)} />
                </label>
                <label>
                    <span>{t('products.discount_percent')}</span>
                    <input type="number" min="0" max="100" step="any" value={discount} onInput={(e) => setDiscount(e.currentTarget.value)} />
                </label>
                <button type="submit">{t('products.add')}</button>
            </form>
        </section>
    );
}
